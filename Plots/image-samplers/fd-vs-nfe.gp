set terminal pngcairo size 900,560 enhanced font 'DejaVu Sans,11'
set output 'fd-vs-nfe.png'
set title 'Fashion-MNIST (U-Net, VP SDE): FD on toy-classifier features, mean ± 95% interval over seeds'
set xlabel 'model evaluations (NFE)'
set ylabel 'FD (lower is better)'
set logscale xy
set key outside right
set grid
plot 'fd-vs-nfe.dat' index 0 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'ddpm', \
     'fd-vs-nfe.dat' index 1 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#ff7f0e' title 'ddim', \
     'fd-vs-nfe.dat' index 2 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#2ca02c' title 'euler', \
     'fd-vs-nfe.dat' index 3 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'heun', \
     'fd-vs-nfe.dat' index 4 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#9467bd' title 'dpm++2m', \
     'fd-vs-nfe.dat' index 5 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#8c564b' title 'reverse-sde', \
     'fd-vs-nfe.dat' index 6 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#e377c2' title 'pc', \
     'fd-vs-nfe.dat' index 7 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#17becf' title 'ode', \
     1.0906678308388607 with lines dt 2 lc rgb '#555555' title 'real training images'
