set terminal pngcairo size 900,560 enhanced font 'DejaVu Sans,11'
set output 'fd-vs-seconds.png'
set title 'Fashion-MNIST (U-Net, VP SDE): FD on toy-classifier features, mean ± 95% interval over seeds'
set xlabel 'seconds of sampling (100 images, 2 cores)'
set ylabel 'FD (lower is better)'
set logscale xy
set key outside right
set grid
plot 'fd-vs-seconds.dat' index 0 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'ddpm', \
     'fd-vs-seconds.dat' index 1 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#ff7f0e' title 'ddim', \
     'fd-vs-seconds.dat' index 2 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#2ca02c' title 'euler', \
     'fd-vs-seconds.dat' index 3 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#d62728' title 'heun', \
     'fd-vs-seconds.dat' index 4 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#9467bd' title 'dpm++2m', \
     'fd-vs-seconds.dat' index 5 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#8c564b' title 'reverse-sde', \
     'fd-vs-seconds.dat' index 6 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#e377c2' title 'pc', \
     'fd-vs-seconds.dat' index 7 using 1:2:3 with yerrorlines lw 2 pt 7 lc rgb '#17becf' title 'ode', \
     1.0906678308388607 with lines dt 2 lc rgb '#555555' title 'real training images'
